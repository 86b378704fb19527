#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The search page in a real browser (issue 6): lighttpd serves seisaku.cgi on a free
loopback port (scripts/serve.sh), headless Chromium (Debian chromium + chromium-driver,
driven by python3-selenium) types a query, submits, clicks a facet, goes to page 2, switches
to 日本語 and checks what is shown. With --screenshots DIR it saves the page in English and
in Japanese there.

Usage: page_test.py --db INDEX [--cgi PROGRAM] [--screenshots DIR]
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def replaced(page):
    """Whether `page` (the old <html>) is gone. Chromium may answer a question about a node
    of a page being replaced with "Node ... does not belong to the document" instead of a
    stale element: either way the old page is gone (staleness_of let that error through
    once the page came back fast)."""
    def gone(_driver):
        try:
            page.is_enabled()
            return False
        except WebDriverException:  # StaleElementReferenceException is one
            return True
    return gone


def follow(driver, element):
    """Clicks a link or button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 20).until(replaced(page))
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--screenshots")
    ap.add_argument("--cgi", help="the seisaku.cgi to serve (default: the release build's)")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="seisaku-browser-")
    os.chmod(work, 0o755)  # lighttpd drops to www-data when started as root
    serve = [os.path.join(ROOT, "scripts", "serve.sh"), "--workdir", work, "--db", args.db]
    if args.cgi:
        serve += ["--cgi", args.cgi]
    started = subprocess.run(serve + ["--background", "--port", "0", "--no-build"],
                             capture_output=True, text=True, cwd=ROOT)
    if started.returncode != 0:
        print(started.stdout, started.stderr, file=sys.stderr)
        sys.exit("cannot start the server")
    url = re.search(r"http://127\.0\.0\.1:\d+/search", started.stdout + started.stderr).group(0)
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1600", "--lang=en-US"):
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or
                                              "/usr/bin/chromedriver"), options=options)
    try:
        # The empty page: a labelled search form, no script at all.
        driver.get(url)
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en",
              "the page is in English for an English browser")
        check(not driver.find_elements(By.TAG_NAME, "script"), "no script element")
        box = driver.find_element(By.ID, "q")
        check(driver.find_element(By.CSS_SELECTOR, "label[for=q]").is_displayed(),
              "the search box has a visible label")

        # Type a query and submit.
        box.send_keys("DFFT")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form#search button[type=submit]"))
        results = driver.find_elements(By.CSS_SELECTOR, "ol.results > li.result")
        check(len(results) == 10, f"10 results on the first page (got {len(results)})")
        count = driver.find_element(By.CSS_SELECTOR, "p.count").text
        total = int(re.search(r"(\d+) results", count).group(1))
        check(total > 10, f"more than 10 results in all ({count})")
        check(len(driver.find_elements(By.CSS_SELECTOR, "p.snippet mark")) > 0,
              "snippets highlight the matched words with <mark>")
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "page-en.png"))

        # Click a facet: Japanese documents only.
        facet = driver.find_element(
            By.CSS_SELECTOR, "section.facet[data-facet=lang] a.facet-value[href*='lang=ja']")
        follow(driver, facet)
        langs = {li.get_attribute("lang") for li in
                 driver.find_elements(By.CSS_SELECTOR, "ol.results > li.result")}
        check(langs == {"ja"}, f"the lang facet leaves Japanese documents only ({langs})")
        check("lang=ja" in driver.current_url, "the facet is in the URL")

        # Page 2.
        follow(driver, driver.find_element(By.CSS_SELECTOR, "nav.pages a[rel=next]"))
        start = driver.find_element(By.CSS_SELECTOR, "ol.results").get_attribute("start")
        check(start == "11", f"page 2 starts at result 11 (start={start})")
        check(driver.find_element(By.CSS_SELECTOR, "nav.pages [aria-current=page]").text ==
              "Page 2", "page 2 is marked as the current page")

        # Switch the interface to Japanese: same query, same filters.
        follow(driver, driver.find_element(By.CSS_SELECTOR, "a.hl[hreflang=ja]"))
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ja",
              "the page switches to Japanese")
        check(driver.find_element(By.CSS_SELECTOR, "form#search button").text == "検索",
              "the button says 検索")
        check(driver.find_element(By.ID, "q").get_attribute("value") == "DFFT",
              "the query is kept")
        check("件" in driver.find_element(By.CSS_SELECTOR, "p.count").text,
              "the count is in Japanese")
        check("lang=ja" in driver.current_url and "page=2" in driver.current_url,
              "filters and page are kept")

        # A Japanese query from the Japanese page, then a screenshot.
        driver.get(url + "?hl=ja")
        driver.find_element(By.ID, "q").send_keys("広島AIプロセス")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form#search button"))
        check(len(driver.find_elements(By.CSS_SELECTOR, "ol.results > li.result")) > 0,
              "a Japanese query finds results")
        check(len(driver.find_elements(By.CSS_SELECTOR, "p.links a.translation")) > 0,
              "results offer the other language")
        if args.screenshots:
            driver.save_screenshot(os.path.join(args.screenshots, "page-ja.png"))

        # An XSS attempt typed into the box stays text.
        driver.get(url)
        driver.find_element(By.ID, "q").send_keys("<img src=x onerror=alert(1)>")
        follow(driver, driver.find_element(By.CSS_SELECTOR, "form#search button"))
        check(not driver.find_elements(By.CSS_SELECTOR, "img"), "typed markup stays text")
        check("<img src=x onerror=alert(1)>" in driver.find_element(By.CSS_SELECTOR,
                                                                      "p.count q").text,
              "and is shown as typed")
    finally:
        driver.quit()
        subprocess.run(serve + ["--stop"], capture_output=True, cwd=ROOT)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"{len(failures)} browser checks failed")
    print("all browser checks passed")


if __name__ == "__main__":
    main()
