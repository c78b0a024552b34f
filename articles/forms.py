"""Admin form pieces: list-valued JSON fields edited as one item per line, and the
change form that stores only what a curator changed (#12)."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property


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


def normalise_newlines(text: str) -> str:
    """ "a\r\n\r\nb" -> "a\n\nb": browsers send textarea lines joined by CRLF (#12)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class CuratorForm(forms.ModelForm):
    """A change form that stores only what the curator changed (#12).

    - Line endings of every submitted value are normalised to "\\n" first, so a body
      saved from a browser keeps its "\\n\\n" paragraph breaks.
    - A field counts as changed only when its normalised value differs from the stored
      one: text without surrounding whitespace, times to the second the widget shows.
    - Fields the curator did not change keep their stored value exactly (microseconds,
      trailing spaces), and the admin (`SavesOnlyChanges`) writes only changed columns.
    """

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = _normalised(data)
        super().__init__(data, *args, **kwargs)
        fields = self.instance._meta.concrete_fields
        self._stored = {f.attname: getattr(self.instance, f.attname) for f in fields}

    @cached_property
    def changed_data(self) -> list[str]:
        return [
            name
            for name, bound in self._bound_items()
            if bound._has_changed() and self._differs(bound)
        ]

    def _differs(self, bound) -> bool:
        initial = bound.initial
        if isinstance(initial, str):
            try:
                new = bound.field.to_python(bound.data)
            except ValidationError:
                return True
            return _text(initial) != _text(new if isinstance(new, str) else "")
        if isinstance(initial, datetime):
            try:
                new = bound.field.clean(bound.data)
            except ValidationError:
                return True
            return new is None or initial.replace(microsecond=0) != new.replace(microsecond=0)
        return True

    def model_fields_changed(self) -> list[str]:
        """Names of the model's own columns among the changed fields."""
        columns = {f.name for f in self.instance._meta.concrete_fields}
        return [name for name in self.changed_data if name in columns]

    def _post_clean(self) -> None:
        super()._post_clean()
        if self.instance.pk is None:
            return
        changed = set(self.changed_data)
        for field in self.instance._meta.concrete_fields:
            if field.name in self.fields and field.name not in changed:
                setattr(self.instance, field.attname, self._stored[field.attname])


def _normalised(data):
    if hasattr(data, "lists"):  # a QueryDict
        copy = data.copy()
        for key, values in data.lists():
            copy.setlist(key, [normalise_newlines(v) if isinstance(v, str) else v for v in values])
        return copy
    return {k: normalise_newlines(v) if isinstance(v, str) else v for k, v in data.items()}


def _text(value: str) -> str:
    return normalise_newlines(value).strip()
