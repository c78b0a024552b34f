"""PostgreSQL full-text search for articles and trigram indexes for quote search.

`search_vector` is kept by a trigger, so admin edits and imports both refresh
it: title weighs most (A), then standfirst (B), then body (C).
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL

TRIGGER = """
CREATE OR REPLACE FUNCTION articles_article_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.body, '')), 'C');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER articles_article_search_vector_trigger
  BEFORE INSERT OR UPDATE OF title, standfirst, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
UPDATE articles_article SET title = title;
"""

UNDO_TRIGGER = """
DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]

    operations = [
        PostgresOnlySQL(TRIGGER, UNDO_TRIGGER),
        # article text search (ArticleQuerySet.search)
        PostgresOnlySQL(
            "CREATE INDEX article_search_gin ON articles_article USING gin (search_vector);",
            "DROP INDEX IF EXISTS article_search_gin;",
        ),
        PostgresOnlySQL("CREATE EXTENSION IF NOT EXISTS pg_trgm;", migrations.RunSQL.noop),
        # quote text filter (icontains -> UPPER(text) LIKE ...)
        PostgresOnlySQL(
            "CREATE INDEX quote_text_trgm ON articles_quote USING gin (UPPER(text) gin_trgm_ops);",
            "DROP INDEX IF EXISTS quote_text_trgm;",
        ),
        # person name filter/autocomplete (icontains)
        PostgresOnlySQL(
            "CREATE INDEX person_name_trgm ON articles_person USING gin (UPPER(name) gin_trgm_ops);",
            "DROP INDEX IF EXISTS person_name_trgm;",
        ),
    ]
