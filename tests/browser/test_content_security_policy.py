"""In Chromium, under the strict Content-Security-Policy, neither the public pages nor the
admin a curator uses trip a single violation (#11)."""

from __future__ import annotations

from django.urls import reverse


def test_pages_and_admin_run_without_policy_violations(
    live_server, desktop, transactional_db, harbour_article, django_user_model
):
    django_user_model.objects.create_superuser("curator", "c@example.org", "pw-12345-long")
    violations: list[str] = []
    desktop.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    desktop.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy violation: ' + e.violatedDirective))"
    )
    base = live_server.url

    desktop.goto(base + harbour_article.get_absolute_url())
    desktop.goto(base + "/comments/")
    desktop.goto(base + reverse("admin:login"))
    desktop.fill("#id_username", "curator")
    desktop.fill("#id_password", "pw-12345-long")
    desktop.click("input[type=submit]")
    desktop.wait_for_url("**/admin/")
    desktop.goto(base + reverse("admin:articles_article_changelist") + "?has_warnings=yes")
    desktop.goto(base + reverse("admin:articles_article_change", args=[harbour_article.pk]))
    # Scripted widgets: an autocomplete dropdown (select2) and a new inline row.
    desktop.locator(".select2-selection").first.click()
    desktop.wait_for_selector(".select2-results")
    desktop.keyboard.press("Escape")
    desktop.locator(".add-row a").first.click()
    desktop.goto(base + reverse("admin:articles_article_add"))

    assert violations == []
