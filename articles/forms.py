"""Admin form pieces: list-valued JSON fields edited as one item per line."""

from __future__ import annotations

from django import forms


class LinesField(forms.CharField):
    """A list of strings shown as a textarea, one item per line."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 60})

    def __init__(self, *args, **kwargs):
        for key in ("encoder", "decoder", "max_length"):
            kwargs.pop(key, None)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]

    def has_changed(self, initial, data) -> bool:
        return list(initial or []) != self.to_python(data)
