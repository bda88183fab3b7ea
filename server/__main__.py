"""`python -m server` is `moin-forum`."""

from server.cli import main

main()
