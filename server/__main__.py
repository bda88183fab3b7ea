"""`python -m server` is `moin-forum`."""

from server.cli import main

# Guarded: worker processes (server.markdown) import the main module again when they start.
if __name__ == "__main__":
    main()
