"""The new-run form: choose shipped or saved scenarios, or write one in TOML, and the run's settings."""

from __future__ import annotations

from typing import Any

from django import forms

from careforce.domain.planning import Scenario, ScenarioError, builtin_scenarios, default_calibration
from careforce.domain.planning.checks import check_scenario
from careforce.domain.planning.scenarios import parse_scenario

from .models import ProjectionRun, SavedScenario

DEMAND_CHOICES = [
    ("sfc", "Skills for Care's method: posts grow as each council's population aged 65 and over grows"),
    ("need", "Need: a weighted mix of growth in people aged 65 to 84, 85 and over, and under 65"),
]
YEAR_CHOICES = [("2030", "2030"), ("2035", "2035"), ("2040", "2040")]
MIN_DRAWS, MAX_DRAWS = 10, 5000
YOUR_SCENARIO = "Your scenario"


class RunForm(forms.Form):
    scenarios = forms.MultipleChoiceField(required=False, choices=())
    scenario_text = forms.CharField(required=False, widget=forms.Textarea, strip=False)
    demand_method = forms.ChoiceField(
        choices=DEMAND_CHOICES, initial="sfc", error_messages={"required": "Choose how demand grows"}
    )
    draws = forms.IntegerField(
        initial=200,
        error_messages={
            "required": "Enter the number of draws",
            "invalid": "Number of draws must be a whole number, like 200",
        },
    )
    to_year = forms.ChoiceField(
        choices=YEAR_CHOICES, initial="2035", error_messages={"required": "Choose the last year to project to"}
    )
    rate_source = forms.ChoiceField(
        choices=ProjectionRun.RateSource.choices,
        initial="published",
        error_messages={"required": "Choose where the turnover rates come from"},
    )

    def __init__(self, *args: Any, saved: list[SavedScenario] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.builtin = builtin_scenarios()
        self.saved = {f"saved-{s.pk}": s for s in saved or []}
        self.fields["scenarios"].choices = [(name, s.title) for name, s in self.builtin.items()] + [  # type: ignore[attr-defined]
            (key, f"{s.title or s.name} (saved)") for key, s in self.saved.items()
        ]
        self.chosen: list[Scenario] = []
        self.written: Scenario | None = None

    def clean_draws(self) -> int:
        draws = self.cleaned_data["draws"]
        if not MIN_DRAWS <= draws <= MAX_DRAWS:
            raise forms.ValidationError(f"Number of draws must be between {MIN_DRAWS} and {MAX_DRAWS:,}")
        return int(draws)

    def clean_scenario_text(self) -> str:
        text = self.cleaned_data["scenario_text"]
        if text.strip():
            try:
                self.written = parse_scenario(text.replace("\r\n", "\n"), source=YOUR_SCENARIO)
                check_scenario(self.written, default_calibration())
            except ScenarioError as error:
                raise forms.ValidationError(str(error)) from None
        return str(text)

    def clean_rate_source(self) -> str:
        source = self.cleaned_data["rate_source"]
        if source == ProjectionRun.RateSource.RECORDS:
            from .records import records_as_of

            if records_as_of() is None:
                raise forms.ValidationError("No staff records are loaded, so choose the published rates")
        return str(source)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen: list[Scenario] = []
        for key in data.get("scenarios") or []:  # type: ignore[union-attr]
            if key in self.builtin:
                chosen.append(self.builtin[key])
            elif key in self.saved:
                chosen.append(parse_scenario(self.saved[key].text, source=self.saved[key].name))
        if self.written is not None:
            if self.written.name in [s.name for s in chosen] or self.written.name in self.builtin:
                self.add_error(
                    "scenario_text",
                    f'Your scenario is called "{self.written.name}", the same as a '
                    "shipped or chosen scenario: give it another name on the name line",
                )
            chosen.append(self.written)
        if not chosen and "scenario_text" not in self.errors:
            self.add_error("scenarios", "Choose at least one scenario, or write your own")
        names = [s.name for s in chosen]
        if len(set(names)) != len(names):
            self.add_error("scenarios", "Choose scenarios with different names")
        if chosen and "baseline" not in [s.name for s in chosen]:
            chosen.insert(0, self.builtin["baseline"])  # every run compares against the baseline
        chosen.sort(key=lambda s: s.name != "baseline")
        self.chosen = chosen
        return data  # type: ignore[return-value]
