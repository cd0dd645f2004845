"""Views for people looking for care work, one module per journey (ADR 0044)."""
