"""Makes `migrations/` the package `server.migrations` of the installed forum (see setup.py),
so that `moin-forum migrate` finds these scripts with importlib.resources."""
