"""The `offhours` Typer application and its error policy: one line and exit 2 for bad input."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer._click.core import Context
from typer._click.exceptions import ClickException, UsageError  # Typer >= 0.29 vendors click
from typer.core import TyperGroup

from offhours.cli import cards, curriculum, data, planning, practice, progress, serve, setup
from offhours.cli.common import CliState, err_console
from offhours.errors import InputError

EXIT_BAD_INPUT = 2


class OffhoursGroup(TyperGroup):
    """Turns every failure into one clear line; `--debug` lets the traceback through instead."""

    def invoke(self, ctx: Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except InputError as exc:
            if debug:
                raise
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except UsageError as exc:
            hint = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx else ""
            err_console.print(f"error: {exc.format_message()}{hint}", markup=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except (typer.Abort, KeyboardInterrupt, EOFError):
            err_console.print("Cancelled; nothing was saved.")
            raise typer.Exit(130) from None
        except (typer.Exit, ClickException):
            raise
        except Exception as exc:
            if debug:
                raise
            err_console.print(f"internal error: {exc.__class__.__name__}: {exc} (run with --debug for details)",
                              markup=False)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=OffhoursGroup,
    help="offhours: a local-first study coach for mastering AI and ML around a full-time job.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _root(
    ctx: typer.Context,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of one-line errors.")] = False,
) -> None:
    ctx.obj = CliState(debug=debug)


setup.register(app)
curriculum.register(app, setup.profile_app)
planning.register(app)
cards.register(app, curriculum.quiz_app)
practice.register(app)
progress.register(app)
serve.register(app)
data.register(app)
