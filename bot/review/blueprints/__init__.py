"""The review app's pages as Flask blueprints, one per part of the app; each
route reads the request, calls bot/review/services.py and renders or redirects."""
