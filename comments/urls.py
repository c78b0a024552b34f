from django.urls import path, re_path

from comments import views

app_name = "comments"

# Included at the site root (newsarchive/urls.py) so the export sits beside the others.
urlpatterns = [
    path("comments/", views.comment_list, name="comment_list"),
    re_path(
        r"^export/comments\.(?P<fmt>csv|json|ndjson)$",
        views.export_comments,
        name="export_comments",
    ),
]
