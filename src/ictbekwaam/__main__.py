"""Maakt ``python -m ictbekwaam`` mogelijk."""

from ictbekwaam.cli.app import main

if __name__ == "__main__":
    main()
