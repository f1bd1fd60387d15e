"""Views: widgets that draw what the session holds and never change training state."""
