"""Educational articles with their sections, FAQ and links to goals, forms and products."""

from typing import TYPE_CHECKING, Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .compounds import Form
    from .products import Product


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Article(models.Model):
    """An educational article; educational text is exempt from claim blocking (not from law)."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    author = models.CharField(_("author"), max_length=120, blank=True)
    published_at = models.DateField(_("publish date"), null=True, blank=True)
    published = models.BooleanField(_("published"), default=True)
    summary = models.TextField(
        _("short answer summary"), blank=True, help_text=_("One point per line.")
    )
    intro_html = models.TextField(_("introduction"), blank=True)
    key_takeaways = models.TextField(_("key takeaways"), blank=True, help_text=_("One per line."))
    keywords = models.TextField(_("keywords"), blank=True, help_text=_("One per line."))
    sources = models.TextField(_("sources"), blank=True, help_text=_("One per line."))
    goals = models.ManyToManyField(
        "catalog.Goal", verbose_name=_("goals"), blank=True, related_name="articles"
    )
    forms: "models.ManyToManyField[Form, Any]" = models.ManyToManyField(
        "catalog.Form", verbose_name=_("forms"), blank=True, related_name="articles"
    )
    products: "models.ManyToManyField[Product, Any]" = models.ManyToManyField(
        "catalog.Product", verbose_name=_("products"), blank=True, related_name="articles"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-published_at", "slug"]

    def __str__(self) -> str:
        return self.title or self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:article-detail", kwargs={"slug": self.slug})

    @property
    def summary_points(self) -> list[str]:
        return lines(self.summary)

    @property
    def key_takeaway_list(self) -> list[str]:
        return lines(self.key_takeaways)

    @property
    def keyword_list(self) -> list[str]:
        return lines(self.keywords)

    @property
    def source_list(self) -> list[str]:
        return lines(self.sources)


class ArticleSection(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    body_html = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.heading


class FaqItem(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="faq")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    question = models.CharField(_("question"), max_length=300)
    answer_html = models.TextField(_("answer"))

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.question
