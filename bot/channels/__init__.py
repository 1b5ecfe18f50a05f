"""Custom Rasa input channels (listed in credentials.yml)."""
