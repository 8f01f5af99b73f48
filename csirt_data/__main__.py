"""`python -m csirt_data` prints a summary; `--json [FILE]` writes the whole catalogue as JSON."""
import argparse
import json
import sys

from . import CatalogueError, load_catalogue
from .export import full_text_lines, summary_lines, to_plain


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m csirt_data", description=__doc__)
    ap.add_argument("--json", nargs="?", const="-", metavar="FILE",
                    help="write the catalogue as JSON to FILE (default: standard output)")
    ap.add_argument("--lang", choices=["ja", "en"], default="ja", help="language of the summary")
    ap.add_argument("--full", action="store_true",
                    help="also print every sentence (duties, skills as written), to read against the document")
    ap.add_argument("--dir", help="catalogue folder (default: the one shipped)")
    args = ap.parse_args(argv)
    try:
        cat = load_catalogue(args.dir)
    except CatalogueError as exc:
        print(f"catalogue error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        text = json.dumps(to_plain(cat), ensure_ascii=False, indent=2)
        if args.json == "-":
            print(text)
        else:
            with open(args.json, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
        return 0
    lines = summary_lines(cat, args.lang) + (full_text_lines(cat, args.lang) if args.full else [])
    try:
        print("\n".join(lines))
    except BrokenPipeError:  # `| head` is a normal way to read it
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
