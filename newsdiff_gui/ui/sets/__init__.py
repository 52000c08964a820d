"""Opening and editing article sets: loading, recent sets, stories and the versions sidebar."""
