def test_chromium_renders_the_home_page(live_server, page):
    page.goto(live_server.url + "/")
    assert "factcheck" in page.content()
