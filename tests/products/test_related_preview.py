"""A product's related items show in previews too, where they exist only in the editor's form."""

from products.models import ProductRelatedArticle, ProductRelatedProduct
from tests.factories import BlogPageFactory, ProductPageFactory


def test_preview_shows_related_items_not_yet_saved(rf, shop, blog_index):
    mug = ProductPageFactory(parent=shop, title="Taza")
    guide = BlogPageFactory(parent=blog_index, title="Guía")
    draft = ProductPageFactory(parent=shop, slug="nuevo")
    # In memory, as Wagtail's preview builds the page from the form.
    draft.related_product_links.add(ProductRelatedProduct(related=mug))
    draft.related_article_links.add(ProductRelatedArticle(article=guide))

    context = draft.get_context(rf.get("/es/tienda/nuevo/", HTTP_HOST="localhost"))

    assert [product.title for product in context["related_products"]] == ["Taza"]
    assert [article.title for article in context["related_articles"]] == ["Guía"]
    assert context["related_products"][0].price_from is not None
