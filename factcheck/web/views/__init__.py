"""The public pages, one module per resource: home, articles, claims, actors, events (with
series), topics (with the matrix), search, and crawlers (feed, sitemap.xml, robots.txt)."""
