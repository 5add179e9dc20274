"""Headless Chromium (Debian's chromium + chromium-driver) under Selenium,
for the tests and the bench scripts that open lawreport's HTML pages.

One browser per process: Chromium takes a second or two to start, so the
tests open every page in the same session.
"""
import os
import shutil
import struct
import zlib

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError as error:  # a missing browser must fail, never skip
    raise SystemExit(
        'browser tests need python3-selenium, chromium and chromium-driver '
        '(scripts/setup-debian.sh installs them): %s' % error)


def find_program(names):
    for name in names:
        path = shutil.which(name) or (
            '/usr/bin/' + name if os.path.exists('/usr/bin/' + name) else None)
        if path:
            return path
    raise SystemExit('browser tests need %s (scripts/setup-debian.sh installs '
                     'chromium and chromium-driver)' % ' or '.join(names))


def start_browser(width=1280, height=900, download_dir=None):
    chromium = find_program(['chromium', 'chromium-browser'])
    driver_path = find_program(['chromedriver'])
    options = Options()
    options.binary_location = chromium
    for argument in ('--headless=new', '--no-sandbox', '--disable-gpu',
                     '--disable-dev-shm-usage', '--no-first-run',
                     '--disable-extensions', '--hide-scrollbars',
                     '--window-size=%d,%d' % (width, height)):
        options.add_argument(argument)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    if download_dir:
        options.add_experimental_option('prefs', {
            'download.default_directory': download_dir,
            'download.prompt_for_download': False})
    return webdriver.Chrome(service=Service(driver_path), options=options)


def open_page(driver, path, timeout=30):
    """Opens a local page and waits for the script's "rendered" marker."""
    driver.get('file://' + os.path.abspath(path))
    wait_rendered(driver, timeout)


def wait_rendered(driver, timeout=30):
    """Waits for a view page's script to mark it rendered (after a click
    that opened one)."""
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script(
            'return document.documentElement.getAttribute("data-rendered")'
            ' !== null'))


def console_errors(driver):
    """SEVERE browser log entries since the last call (CSP violations and
    script errors among them)."""
    return [entry for entry in driver.get_log('browser')
            if entry.get('level') == 'SEVERE']


def png_colours(png):
    """The number of distinct RGB(A) pixel values of an 8-bit PNG
    (Chromium's screenshots: colour type 2 or 6, not interlaced)."""
    assert png[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    offset, idat, header = 8, b'', None
    while offset < len(png):
        length, kind = struct.unpack('>I4s', png[offset:offset + 8])
        body = png[offset + 8:offset + 8 + length]
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    colours = set()
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1:position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else
                                      b if pb <= pc else c)) & 255
        for x in range(0, stride, channels * 7):  # a sample is enough
            colours.add(bytes(line[x:x + channels]))
        previous = line
    return len(colours)
