"""`python -m sclc_qa …` runs the `sclc-qa` command."""

from .cli import main

if __name__ == "__main__":
    main()
