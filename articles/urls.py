from django.urls import path, re_path

from articles import (
    export_views,
    index_views,
    outlet_views,
    person_views,
    quote_views,
    views,
)

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail_short"),
    path("articles/<int:pk>/<slug:slug>/", views.article_detail, name="article_detail"),
    path("people/", index_views.person_index, name="person_index"),
    path("people/suggest.json", index_views.person_suggest, name="person_suggest"),
    path("people/<slug:slug>/", person_views.person_detail, name="person_detail"),
    path("outlets/", index_views.outlet_index, name="outlet_index"),
    path("facets/<slug:name>/", index_views.facet_values, name="facet_values"),
    path("outlets/<slug:slug>/", outlet_views.outlet_detail, name="outlet_detail"),
    path("quotes/", quote_views.quote_list, name="quote_list"),
    re_path(
        r"^export/articles\.(?P<fmt>csv|json|ndjson)$",
        export_views.export_articles,
        name="export_articles",
    ),
    re_path(
        r"^export/quotes\.(?P<fmt>csv|json|ndjson)$",
        export_views.export_quotes,
        name="export_quotes",
    ),
]
