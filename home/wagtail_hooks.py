from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import FooterText, NavigationMenu

register_snippet(NavigationMenu)
register_snippet(FooterText)


@hooks.register("load_demo_content", order=0)
def load_home_demo_content(stdout):
    from .demo import loader

    loader.load(stdout)


@hooks.register("load_demo_content", order=1000)
def load_navigation_demo_content(stdout):
    from .demo import loader

    loader.finish(stdout)
