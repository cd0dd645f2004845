"""Planning pages: start, new run, run status and results, downloads, assumptions and the region headline."""
