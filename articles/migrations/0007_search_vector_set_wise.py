"""The importer computes `search_vector` itself, set-wise, in its multi-row INSERT (#13).

The per-row trigger of 0002 now fires on INSERT only for rows that arrive without a
vector (the admin, tests, any ORM insert), and on UPDATE of the texts as before.
"""

from django.db import migrations

from articles.migration_ops import PostgresOnlySQL

SPLIT_TRIGGER = """
DROP TRIGGER IF EXISTS articles_article_search_vector_trigger ON articles_article;
CREATE TRIGGER articles_article_search_vector_insert
  BEFORE INSERT ON articles_article
  FOR EACH ROW WHEN (NEW.search_vector IS NULL)
  EXECUTE FUNCTION articles_article_search_vector();
CREATE TRIGGER articles_article_search_vector_update
  BEFORE UPDATE OF title, standfirst, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
"""

ONE_TRIGGER = """
DROP TRIGGER IF EXISTS articles_article_search_vector_insert ON articles_article;
DROP TRIGGER IF EXISTS articles_article_search_vector_update ON articles_article;
CREATE TRIGGER articles_article_search_vector_trigger
  BEFORE INSERT OR UPDATE OF title, standfirst, body ON articles_article
  FOR EACH ROW EXECUTE FUNCTION articles_article_search_vector();
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_curation_keeps_data")]

    operations = [PostgresOnlySQL(SPLIT_TRIGGER, ONE_TRIGGER)]
