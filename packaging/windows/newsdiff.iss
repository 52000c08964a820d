; Inno Setup script for newsdiff on Windows (x64). UNTESTED: written on Linux,
; no Windows machine was available; see packaging/README.md.
;
; Build, from the repository root on Windows, after the PyInstaller bundle:
;   .venv\Scripts\pyinstaller --noconfirm --workpath build\pyinstaller --distpath dist packaging\newsdiff.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\newsdiff.iss
; (the version must equal pyproject.toml's; packaging/README.md shows a one-liner).
; Output: dist\newsdiff-<version>-setup.exe
;
; The spec builds two launchers over one set of libraries: newsdiff.exe
; (windowed, for the Start menu) and newsdiff-cli.exe (console, for headless
; commands such as "newsdiff-cli align … --json"). The icon (build\icons\newsdiff.ico)
; is rendered from the SVG by the spec.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\newsdiff.iss
#endif
#define Root "..\.."
#define AppId "io.github.newsdiff.Newsdiff"

[Setup]
; AppId identifies the installation for upgrades and uninstall; never change it.
AppId={#AppId}
AppName=newsdiff
AppVersion={#AppVersion}
AppVerName=newsdiff {#AppVersion}
AppPublisher=The newsdiff developers
AppPublisherURL=https://github.com/newsdiff/newsdiff
AppSupportURL=https://github.com/newsdiff/newsdiff/issues
DefaultDirName={autopf}\newsdiff
DefaultGroupName=newsdiff
DisableProgramGroupPage=yes
; Per-user install by default (no UAC prompt); admins may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=newsdiff-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\newsdiff.ico
UninstallDisplayIcon={app}\newsdiff.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Qt 6 needs Windows 10 1809 or later.
MinVersion=10.0.17763

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\newsdiff\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\newsdiff"; Filename: "{app}\newsdiff.exe"; Comment: "Compare how different outlets cover the same story"
Name: "{autodesktop}\newsdiff"; Filename: "{app}\newsdiff.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\newsdiff.exe"; Description: "{cm:LaunchProgram,newsdiff}"; Flags: nowait postinstall skipifsilent

