"""``careforce demo``: load the synthetic West Midlands demo region (if not loaded), then serve."""

from __future__ import annotations

import argparse

from careforce.commands.serve import add_serve_arguments, migrate, serve


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("demo", help="load the demo region (synthetic people) and serve the platform")
    parser.add_argument(
        "--size",
        choices=("small", "full"),
        default="full",
        help="full: about 4,100 locations and 160,000 staff; small: 1/50 of that",
    )
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--load-only", action="store_true", help="load the demo region but do not serve")
    parser.add_argument("--rebuild", action="store_true", help="replace a demo region that is already loaded")
    add_serve_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from careforce.domain.demo import SYNTHETIC_NOTICE
    from careforce.workforce.demo_loading import DEMO_PASSWORD, load_demo_region

    migrate()
    outcome = load_demo_region(
        args.size, args.seed, rebuild=args.rebuild, progress=lambda m: print(f"  {m}", flush=True)
    )
    print(outcome.message)
    print(SYNTHETIC_NOTICE)
    print(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
    for s in outcome.sign_ins:
        print(f"  {s.email:<34} {s.description}")
    if not args.load_only:
        serve(args, local_http=True)  # the local demo: plain HTTP on this machine (settings, ADR 0091)
    return 0
