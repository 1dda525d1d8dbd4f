"""`integtool doctor`: whether the setup works, one line per check."""

import os

import typer

from integtool.commands.options import app_context
from integtool.core.doctor import doctor_exit
from integtool.reports.doctor_render import render_diagnoses
from integtool.services.doctor import DoctorRequest, run_doctor


def doctor(ctx: typer.Context) -> None:
    """Check the configuration, the CMS, the regions, DeepL, Matomo, mail and the state file."""
    app = app_context(ctx)
    request = DoctorRequest(
        config_file=app.config_path,
        load=lambda: app.config,
        demo=app.demo,
        state=app.state_path,
        env=dict(os.environ),
    )
    diagnoses = run_doctor(request)
    render_diagnoses(diagnoses, app.out)
    raise typer.Exit(doctor_exit(diagnoses))
