from .cli import main

# Guarded: worker processes (`ingest --workers N`, spawned) import this module again.
if __name__ == "__main__":
    main()
