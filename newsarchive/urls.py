from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

admin.site.site_header = "newsarchive curation"
admin.site.site_title = "newsarchive admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico whatever the page's <link rel=icon> says (#14).
    path("favicon.ico", lambda request: redirect(static("favicon.svg"), permanent=True)),
    path("api/", include("api.urls")),  # read-only JSON (#15)
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]
