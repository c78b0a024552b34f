"""Submit an admin change form the way a browser does (#12).

Django's test client posts whatever dict a test builds; a browser posts what the
page rendered, with its quirks: a textarea loses the newline after its opening
tag and sends its lines joined by CRLF, unticked checkboxes send nothing, a
select sends its selected option. `form_data(html)` reads the change page's
form and returns exactly that, so "save unchanged" tests press Save as a
curator would.
"""

from __future__ import annotations

from html.parser import HTMLParser

from django.http import QueryDict

_TEXT_INPUTS = {"text", "hidden", "number", "email", "url", "password", "search", "date", "time"}


class _FormReader(HTMLParser):
    def __init__(self, form_id_suffix: str) -> None:
        super().__init__(convert_charrefs=True)
        self.suffix = form_id_suffix
        self.in_form = False
        self.pairs: list[tuple[str, str]] = []
        self._textarea: tuple[str, list[str]] | None = None
        self._select: tuple[str, list[str], list[str]] | None = None  # name, selected, all
        self._option: tuple[str | None, bool, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("id") or "").endswith(self.suffix):
            self.in_form = True
            return
        if not self.in_form or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in _TEXT_INPUTS:
                self.pairs.append((name, a.get("value") or ""))
            elif kind in ("checkbox", "radio") and "checked" in a:
                self.pairs.append((name, a.get("value") or "on"))
        elif tag == "textarea" and name:
            self._textarea = (name, [])
        elif tag == "select" and name:
            self._select = (name, [], [], "multiple" in a)
        elif tag == "option" and self._select is not None:
            self._option = (a.get("value"), "selected" in a, [])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1].append(data)
        if self._option is not None:
            self._option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "textarea" and self._textarea is not None:
            name, parts = self._textarea
            text = "".join(parts)
            if text.startswith("\n"):  # HTML drops the newline right after <textarea>
                text = text[1:]
            # Browsers submit a textarea's line breaks as CRLF.
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
            self.pairs.append((name, text))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, selected, text = self._option
            value = value if value is not None else "".join(text).strip()
            self._select[2].append(value)
            if selected:
                self._select[1].append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            name, selected, every, multiple = self._select
            if not selected and every and not multiple:
                selected = every[:1]
            self.pairs.extend((name, v) for v in selected)
            self._select = None


def form_data(html: str, *, submit: str = "_save", form_id_suffix: str = "_form") -> QueryDict:
    """The POST body a browser sends when Save is pressed on this admin page."""
    reader = _FormReader(form_id_suffix)
    reader.feed(html)
    data = QueryDict(mutable=True)
    for name, value in reader.pairs:
        data.appendlist(name, value)
    data[submit] = "Save"
    return data


def press_save(client, url: str, **changes: str):
    """Open the change page, change the named fields (as typed), press Save."""
    page = client.get(url)
    assert page.status_code == 200, url
    data = form_data(page.content.decode())
    for name, value in changes.items():
        data[name] = value.replace("\n", "\r\n")
    return client.post(url, data)
