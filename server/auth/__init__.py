"""Sign-in, sessions and API keys."""
