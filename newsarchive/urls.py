from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "newsarchive curation"
admin.site.site_title = "newsarchive admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]
