"""Load: files, folders, manifests, web pages and Word documents into an ``ArticleSet``."""
