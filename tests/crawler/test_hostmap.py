"""Real host <-> base URL mapping used to crawl a replica or mirror under the real URLs."""

from __future__ import annotations

from crawler.handlers.hostmap import HostMap


def test_real_urls_go_to_the_base_and_come_back() -> None:
    hosts = HostMap({"www.hongze.gov.cn": "http://127.0.0.1:4100",
                     "www.d7760.cn": "http://mirror.example:8080/d7760/"})
    real = "https://www.hongze.gov.cn/art/2024/7/24/art_1_2.html?x=1"
    wire = hosts.to_base(real)
    assert wire == "http://127.0.0.1:4100/art/2024/7/24/art_1_2.html?x=1"
    assert hosts.to_real(wire, "https") == real
    assert hosts.to_base("http://WWW.D7760.CN/news/a.html") == \
        "http://mirror.example:8080/d7760/news/a.html"
    assert hosts.to_real("http://mirror.example:8080/d7760/news/a.html", "http") == \
        "http://www.d7760.cn/news/a.html"
    assert hosts.to_base("https://other.example/") is None
    assert hosts.to_real("https://other.example/x", "https") == "https://other.example/x"
