"""Maakt ``python -m ictbekwaam`` mogelijk."""

from ictbekwaam.cli import main

if __name__ == "__main__":
    main()
