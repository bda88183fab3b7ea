"""Not code of the web client: this file makes `web/` the package `server.web` of the
installed forum (see setup.py), so that the server finds these files with importlib.resources."""
