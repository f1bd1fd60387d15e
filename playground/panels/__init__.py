"""Control panels: widgets that ask the session for changes and show its settings."""
