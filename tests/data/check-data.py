#!/usr/bin/env python3
# Copyright 2026 The Keyway authors
# SPDX-License-Identifier: GPL-3.0-or-later

"""check-data.py: the checks of the "data" suite, one per subcommand.

  check-data.py desktop FILE            desktop-file-validate, hints included
  check-data.py appstream FILE          appstreamcli validate --no-net --strict
  check-data.py schema FILE             glib-compile-schemas --strict --dry-run
  check-data.py mime FILE               the shared-mime-info DTD, then .keyway files
                                        resolving to the type in a scratch database
  check-data.py icons SRCDIR            the app icon and the symbolic one
  check-data.py manifest FILE           the Flatpak manifest
  check-data.py consistency DESKTOP METAINFO MIME MANIFEST VERSION
                                        the files agree on ids, MIME type, binaries,
                                        version; the metainfo has what issue 6 lists
  check-data.py screenshots FILE SRCDIR the metainfo's screenshots are in the tree
  check-data.py potfiles SRCDIR         po/POTFILES.in lists every file with strings;
                                        every message with a placeholder has a
                                        translator comment
  check-data.py po SRCDIR               every language in po/LINGUAS is complete

Exit status: 0 pass, 77 skip (a tool is missing; a failure instead when CI
is set, as in tests/interop), 1 fail. Nothing here uses the network.
"""

import configparser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SKIP = 77

HOMEPAGE = 'https://github.com/keyway/keyway'
SCREENSHOT_PREFIX = HOMEPAGE + '/raw/main/data/screenshots/'
MIME_TYPE = 'application/x-keyway-connection'
STABLE_APP_ID = 'io.github.keyway.Keyway'

# The permissions of issue 6, section 3: nothing more, nothing less.
FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]
# GNOME 47 is the oldest runtime Flathub still served in 2026; the manifest
# names the current one (see README, "Install").
OLDEST_GNOME_RUNTIME = 47

# What meson's i18n.gettext(preset: 'glib') gives xgettext (po/meson.build).
XGETTEXT_GLIB_PRESET = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
]

MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


class Failure(Exception):
    pass


class Skip(Exception):
    pass


def need(tool):
    path = shutil.which(tool)
    if path is None:
        raise Skip(f'{tool} is not installed')
    return path


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def fail_unless(condition, message):
    if not condition:
        raise Failure(message)


# desktop-file-validate

def check_desktop(path):
    tool = need('desktop-file-validate')
    result = run([tool, path])
    output = (result.stdout + result.stderr).strip()
    # Hints are printed with status 0: they count too.
    fail_unless(result.returncode == 0 and output == '', output or 'desktop-file-validate failed')
    print(f'{os.path.basename(path)}: valid, no hints')


# appstreamcli

def appstream_version(tool):
    match = re.search(r'(\d+)\.(\d+)(?:\.(\d+))?', run([tool, '--version']).stdout)
    return tuple(int(part or 0) for part in match.groups()) if match else (0, 0, 0)


def check_appstream(path):
    tool = need('appstreamcli')
    version = appstream_version(tool)
    # --strict fails on warnings and infos; pedantic hints are printed but
    # only cid-contains-uppercase-letter is expected (reverse-DNS ids keep
    # their capitals).
    result = run([tool, 'validate', '--no-net', '--strict', '--pedantic', path])
    issues = re.findall(r'^([EWIP]): \S+?:(\d*):? ?(\S+)(?: (.*))?$', result.stdout, re.M)
    problems = []
    for severity, line, tag, detail in issues:
        if severity == 'P' and tag == 'cid-contains-uppercase-letter':
            continue
        # <developer id><name/></developer> is AppStream 1.0's; 0.16 (Debian
        # 12) does not know it yet and says so as an info. Only that is let by.
        if version < (1, 0, 0) and tag == 'unknown-tag' and detail.strip() == 'developer':
            continue
        problems.append(f'{severity}: line {line}: {tag} {detail}'.strip())
    if not issues and result.returncode != 0:
        problems.append(result.stdout + result.stderr)
    fail_unless(not problems, 'appstreamcli validate:\n  ' + '\n  '.join(problems))
    print(f'{os.path.basename(path)}: valid for appstreamcli %d.%d.%d' % version)


# GSettings

SECRET_WORDS = re.compile(r'password|secret|token|code|credential|access-key', re.I)


def check_schema(path):
    tool = need('glib-compile-schemas')
    with tempfile.TemporaryDirectory() as scratch:
        shutil.copy(path, scratch)
        result = run([tool, '--strict', '--dry-run', scratch])
    output = (result.stdout + result.stderr).strip()
    fail_unless(result.returncode == 0 and output == '', output or 'glib-compile-schemas failed')

    keys = ET.parse(path).getroot().findall('./schema/key')
    names = {key.get('name'): key for key in keys}
    for expected in ('window-width', 'window-height', 'window-maximized', 'last-connection',
                     'bulk-concurrency'):
        fail_unless(expected in names, f'the schema has no key {expected}')
    for name in names:
        fail_unless(not SECRET_WORDS.search(name), f'the key {name} looks like it holds a secret')
    concurrency = names['bulk-concurrency'].find('range')
    fail_unless(concurrency is not None, 'bulk-concurrency has no range')
    print(f'{os.path.basename(path)}: compiles with --strict; keys: {", ".join(sorted(names))}')


# shared-mime-info

def shared_mime_dtd():
    # Debian ships no separate schema: the DTD is the internal subset of
    # shared-mime-info's own freedesktop.org.xml, the same for every release.
    for data_dir in os.environ.get('XDG_DATA_DIRS', '/usr/local/share:/usr/share').split(':'):
        path = os.path.join(data_dir, 'mime', 'packages', 'freedesktop.org.xml')
        if os.path.exists(path):
            with open(path, encoding='utf-8') as source:
                match = re.search(r'<!DOCTYPE mime-info \[(.*?)\]>', source.read(), re.S)
            if match:
                return path, match.group(1)
    raise Skip('shared-mime-info\'s freedesktop.org.xml (which carries its DTD) is not installed')


def check_mime(path):
    xmllint = need('xmllint')
    update = need('update-mime-database')
    gio = need('gio')
    database, dtd = shared_mime_dtd()

    with tempfile.TemporaryDirectory() as scratch:
        dtd_path = os.path.join(scratch, 'shared-mime-info.dtd')
        with open(dtd_path, 'w', encoding='utf-8') as out:
            out.write(dtd)
        result = run([xmllint, '--noout', '--dtdvalid', dtd_path, path])
        fail_unless(result.returncode == 0, 'not valid against the shared-mime-info DTD:\n'
                    + result.stderr)

        # A database holding only the freedesktop.org types and ours.
        packages = os.path.join(scratch, 'mime', 'packages')
        os.makedirs(packages)
        shutil.copy(database, packages)
        shutil.copy(path, os.path.join(packages, STABLE_APP_ID + '.xml'))
        env = dict(os.environ, XDG_DATA_HOME=scratch, XDG_DATA_DIRS=scratch, GIO_USE_VFS='local')
        result = run([update, os.path.join(scratch, 'mime')], env=env)
        output = (result.stdout + result.stderr).strip()
        fail_unless(result.returncode == 0 and output == '', 'update-mime-database: ' + output)

        samples = {
            'corp.keyway': ('[Connection]\nId=corp\n', MIME_TYPE),
            # Renamed, but the group is there: the magic rule finds it.
            'connection-from-mail': ('# Handed out by IT\n\n[Connection]\nId=corp\n', MIME_TYPE),
            'notes.txt': ('[Connection]\n', 'text/plain'),
            'other': ('[Settings]\nName=x\n', 'text/plain'),
        }
        for name, (content, expected) in samples.items():
            sample = os.path.join(scratch, name)
            with open(sample, 'w', encoding='utf-8') as out:
                out.write(content)
            result = run([gio, 'info', '--attributes=standard::content-type', sample], env=env)
            match = re.search(r'standard::content-type: (\S+)', result.stdout)
            found = match.group(1) if match else result.stderr.strip()
            fail_unless(found == expected, f'{name} is {found}, expected {expected}')
            print(f'{name}: {found}')

    print(f'{os.path.basename(path)}: valid against the DTD of {database}')


# Icons

def check_icons(srcdir):
    icons = os.path.join(srcdir, 'data', 'icons', 'hicolor')
    expected = {
        os.path.join(icons, 'scalable', 'apps', STABLE_APP_ID + '.svg'): '0 0 128 128',
        os.path.join(icons, 'symbolic', 'apps', STABLE_APP_ID + '-symbolic.svg'): '0 0 16 16',
    }
    for path, viewbox in expected.items():
        fail_unless(os.path.exists(path), f'{path} is missing')
        root = ET.parse(path).getroot()
        name = os.path.basename(path)
        fail_unless(root.get('viewBox') == viewbox, f'{name}: the view box is not {viewbox}')
        for element in root.iter():
            tag = element.tag.split('}')[-1]
            # Text depends on the fonts installed; pictures inside do not scale.
            fail_unless(tag not in ('text', 'image', 'script', 'foreignObject'),
                        f'{name} has a <{tag}>')
        if 'symbolic' in name:
            colours = {element.get('fill') for element in root.iter() if element.get('fill')}
            fail_unless(len(colours) == 1, f'{name}: a symbolic icon has one colour, not {colours}')

    rsvg = shutil.which('rsvg-convert')
    if rsvg is None:
        print('rsvg-convert is not installed: the icons were not rendered')
        return
    with tempfile.TemporaryDirectory() as scratch:
        for path in expected:
            for size in (16, 32, 64):
                png = os.path.join(scratch, f'{size}.png')
                result = run([rsvg, '-w', str(size), '-h', str(size), path, '-o', png])
                fail_unless(result.returncode == 0 and result.stderr == '',
                            f'{os.path.basename(path)} does not render at {size} px: '
                            + result.stderr)
    print('both icons render at 16, 32 and 64 px')


# Flatpak manifest

def check_manifest(path):
    with open(path, encoding='utf-8') as source:
        manifest = json.load(source)

    fail_unless(manifest.get('id') == STABLE_APP_ID, f'the id is not {STABLE_APP_ID}')
    fail_unless(manifest.get('runtime') == 'org.gnome.Platform', 'the runtime is not org.gnome.Platform')
    fail_unless(manifest.get('sdk') == 'org.gnome.Sdk', 'the sdk is not org.gnome.Sdk')
    version = str(manifest.get('runtime-version', ''))
    # A stable GNOME runtime is a plain number; "master" is the nightly one.
    fail_unless(re.fullmatch(r'\d+', version) is not None and int(version) >= OLDEST_GNOME_RUNTIME,
                f'runtime-version {version!r} is not a stable GNOME release')
    fail_unless(manifest.get('command') == 'keyway', 'the command is not keyway')

    finish_args = manifest.get('finish-args', [])
    extra = [arg for arg in finish_args if arg not in FINISH_ARGS]
    missing = [arg for arg in FINISH_ARGS if arg not in finish_args]
    fail_unless(not extra and not missing and len(finish_args) == len(FINISH_ARGS),
                f'finish-args: not allowed {extra}, missing {missing}')

    modules = manifest.get('modules', [])
    fail_unless(modules and isinstance(modules[-1], dict), 'there is no module')
    keyway = modules[-1]
    fail_unless(keyway.get('name') == 'keyway', 'the last module is not keyway')
    fail_unless(keyway.get('buildsystem') == 'meson', 'keyway does not build with meson')
    sources = keyway.get('sources', [])
    fail_unless(len(sources) == 1 and sources[0].get('type') == 'dir',
                'keyway is not built from the local checkout (one "dir" source)')
    checkout = os.path.normpath(os.path.join(os.path.dirname(path), sources[0].get('path', '')))
    try:
        with open(os.path.join(checkout, 'meson.build'), encoding='utf-8') as source:
            fail_unless("project('keyway'" in source.read(), f'{checkout} is not Keyway')
    except FileNotFoundError:
        raise Failure(f'the source path leads to {checkout}, which has no meson.build')

    # ninja test would run every suite (the UI's needs an X server, the
    # interop one the network): the test rule is off, and the commands run
    # the core suite.
    fail_unless(keyway.get('run-tests') is True, 'keyway does not run its tests')
    fail_unless(keyway.get('test-rule') == '', 'the test rule would run every suite')
    commands = keyway.get('test-commands', [])
    fail_unless(any(re.search(r'\bmeson test\b.*--suite core\b', command) for command in commands),
                'no test command runs the core suite')

    builder = shutil.which('flatpak-builder')
    if builder is not None:
        # flatpak-builder's own reading: it warns about unknown properties.
        # It makes its state folder in the current one: a scratch one.
        with tempfile.TemporaryDirectory() as scratch:
            result = run([builder, '--show-manifest', os.path.abspath(path)], cwd=scratch)
        warnings = result.stderr.strip()
        fail_unless(result.returncode == 0 and warnings == '', 'flatpak-builder: ' + warnings)
        print('flatpak-builder --show-manifest reads it without a warning')
    print(f'{os.path.basename(path)}: GNOME {version}, finish-args {" ".join(finish_args)}')


# The files agree with each other

def desktop_entry(path):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    return parser


def check_metainfo_content(metainfo, version):
    """What issue 6 asks of the metainfo beyond what the validator checks."""
    urls = {url.get('type'): url.text for url in metainfo.findall('url')}
    fail_unless(urls.get('homepage') == HOMEPAGE, f'the homepage is not {HOMEPAGE}')
    for kind in ('bugtracker', 'vcs-browser', 'translate'):
        fail_unless(urls.get(kind, '').startswith(HOMEPAGE), f'no {kind} URL under the homepage')
    developer = metainfo.find('developer')
    fail_unless(developer is not None and developer.get('id') and developer.findtext('name'),
                'no developer id and name')
    fail_unless(metainfo.findtext('project_license') == 'GPL-3.0-or-later', 'project licence')
    fail_unless(metainfo.findtext('metadata_license') == 'CC0-1.0', 'metadata licence')
    rating = metainfo.find('content_rating')
    fail_unless(rating is not None and rating.get('type') == 'oars-1.1', 'no OARS 1.1 rating')
    schemes = {c.get('scheme_preference') for c in metainfo.findall("branding/color[@type='primary']")}
    fail_unless(schemes == {'light', 'dark'}, 'no primary brand colours for light and dark')
    fail_unless(metainfo.findtext("requires/display_length[@compare='ge']") == '360',
                'does not require a display of at least 360 px')
    controls = sorted(c.text for c in metainfo.findall('supports/control'))
    fail_unless(controls == ['keyboard', 'pointing', 'touch'], f'supported controls: {controls}')
    releases = metainfo.findall('releases/release')
    fail_unless(releases and releases[0].get('version') == version,
                f'the newest release is not {version}, the version meson.build gives')
    fail_unless(releases[0].find('description') is not None, 'the newest release has no notes')


def check_consistency(desktop_path, metainfo_path, mime_path, manifest_path, version):
    desktop = desktop_entry(desktop_path)
    entry = desktop['Desktop Entry']
    app_id = os.path.basename(desktop_path)[:-len('.desktop')]

    metainfo = ET.parse(metainfo_path).getroot()
    check_metainfo_content(metainfo, version)
    fail_unless(metainfo.findtext('id') == app_id, 'the metainfo id is not the desktop file\'s name')
    launchable = metainfo.find("launchable[@type='desktop-id']")
    fail_unless(launchable is not None and launchable.text == app_id + '.desktop',
                'the metainfo does not launch the desktop file')
    fail_unless(entry.get('Icon') == app_id, 'the desktop file\'s icon is not the app id')

    mime = ET.parse(mime_path).getroot()
    types = [element.get('type') for element in mime.findall(MIME_NS + 'mime-type')]
    fail_unless(types == [MIME_TYPE], f'the MIME XML defines {types}')
    fail_unless(entry.get('MimeType') == MIME_TYPE + ';', 'the desktop file opens another type')
    provided = metainfo.find('provides')
    fail_unless(provided is not None, 'the metainfo provides nothing')
    fail_unless([m.text for m in provided.findall('mediatype')] == [MIME_TYPE],
                'the metainfo provides another MIME type')
    binaries = sorted(b.text for b in provided.findall('binary'))
    fail_unless(binaries == ['keyway', 'keyway-cli'], f'the metainfo provides {binaries}')

    exec_line = entry.get('Exec', '').split()
    fail_unless(exec_line[:1] == ['keyway'] and exec_line[1:] in (['%f'], ['%F'], ['%u'], ['%U']),
                'Exec does not start keyway with the files it opens')
    actions = entry.get('Actions', '').rstrip(';').split(';')
    fail_unless('helpdesk' in actions, 'there is no helpdesk action')
    fail_unless(desktop['Desktop Action helpdesk'].get('Exec') == 'keyway --helpdesk',
                'the helpdesk action does not run keyway --helpdesk')
    keywords = entry.get('Keywords', '').lower().split(';')
    for keyword in ('password', 'reset', 'account', 'recovery', 'cognito', 'helpdesk'):
        fail_unless(keyword in keywords, f'the desktop file\'s keywords lack {keyword}')

    with open(manifest_path, encoding='utf-8') as source:
        manifest = json.load(source)
    fail_unless(app_id in (manifest['id'], manifest['id'] + '.Devel'),
                f'the manifest builds {manifest["id"]}, the data files are {app_id}')
    fail_unless(manifest['command'] in binaries, 'the manifest runs a binary the metainfo lacks')
    print(f'{app_id}: desktop file, metainfo, MIME type and manifest agree')


# Screenshots

def png_size(path):
    with open(path, 'rb') as png:
        header = png.read(24)
    fail_unless(header[:8] == b'\x89PNG\r\n\x1a\n', f'{path} is not a PNG')
    return struct.unpack('>II', header[16:24])


def check_screenshots(metainfo_path, srcdir):
    root = ET.parse(metainfo_path).getroot()
    screenshots = root.findall('screenshots/screenshot')
    fail_unless(screenshots, 'the metainfo has no screenshots')
    defaults = [s for s in screenshots if s.get('type') == 'default']
    fail_unless(len(defaults) == 1, 'there must be one default screenshot')
    for screenshot in screenshots:
        caption = screenshot.findtext('caption', '').strip()
        fail_unless(caption, 'a screenshot has no caption')
        for image in screenshot.findall('image'):
            url = image.text.strip()
            fail_unless(url.startswith(SCREENSHOT_PREFIX), f'{url} is not under {SCREENSHOT_PREFIX}')
            path = os.path.join(srcdir, 'data', 'screenshots', url[len(SCREENSHOT_PREFIX):])
            fail_unless(os.path.exists(path), f'{url}: {path} is not in the tree')
            width, height = png_size(path)
            fail_unless((image.get('width'), image.get('height')) == (str(width), str(height)),
                        f'{url}: the metainfo says {image.get("width")}×{image.get("height")}, '
                        f'the image is {width}×{height}')
            print(f'{os.path.basename(path)} ({width}×{height}): {caption}')


# Translations

POTFILES_ROOTS = ('src', 'data')
C_MARKERS = re.compile(r'(?<![\w])(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|ngettext)\s*\(')
DESKTOP_KEYS = re.compile(r'^(?:Name|GenericName|Comment|Keywords)=', re.M)
XML_MARKERS = {
    # root element: what xgettext takes from it (gettext's its rules)
    'component': re.compile(r'<(?:name|summary|p|li|caption)\b'),
    'schemalist': re.compile(r'<(?:summary|description)\b'),
    'mime-info': re.compile(r'<comment\b'),
    'interface': re.compile(r'translatable="yes"'),
}


def has_strings(path):
    name = os.path.basename(path)
    try:
        with open(path, encoding='utf-8') as source:
            text = source.read()
    except UnicodeDecodeError:
        return False
    if name.endswith(('.c', '.h')):
        return C_MARKERS.search(text) is not None
    if '.desktop' in name:
        return DESKTOP_KEYS.search(text) is not None
    if name.endswith(('.ui', '.xml', '.xml.in', '.xml.in.in')):
        root = re.search(r'<([\w-]+)[\s>]', re.sub(r'<[?!][^>]*>', '', text))
        markers = XML_MARKERS.get(root.group(1)) if root else None
        return markers is not None and markers.search(text) is not None
    return False


def read_list(path):
    with open(path, encoding='utf-8') as source:
        return [line.strip() for line in source
                if line.strip() and not line.lstrip().startswith('#')]


def check_potfiles(srcdir):
    listed = read_list(os.path.join(srcdir, 'po', 'POTFILES.in'))
    problems = []
    duplicates = sorted({name for name in listed if listed.count(name) > 1})
    if duplicates:
        problems.append('listed twice: ' + ', '.join(duplicates))
    if listed != sorted(listed):
        problems.append('not sorted')
    for name in listed:
        if not os.path.isfile(os.path.join(srcdir, name)):
            problems.append(f'listed but missing: {name}')

    found = []
    for top in POTFILES_ROOTS:
        for directory, subdirs, files in os.walk(os.path.join(srcdir, top)):
            subdirs[:] = sorted(d for d in subdirs if d not in ('screenshots', 'icons'))
            for name in sorted(files):
                path = os.path.join(directory, name)
                if has_strings(path):
                    found.append(os.path.relpath(path, srcdir))
    for name in found:
        if name not in listed:
            problems.append(f'has translatable strings but is not listed: {name}')
    fail_unless(not problems, 'po/POTFILES.in:\n  ' + '\n  '.join(problems))

    # xgettext reads each file the way the keyway-pot target does. Every
    # message with a placeholder has a translator comment (issue 6).
    xgettext = shutil.which('xgettext')
    if xgettext is not None:
        with tempfile.TemporaryDirectory() as scratch:
            pot = os.path.join(scratch, 'keyway.pot')
            result = run([xgettext, *XGETTEXT_GLIB_PRESET, '-D', srcdir,
                          '--files-from', os.path.join(srcdir, 'po', 'POTFILES.in'),
                          '-o', pot])
            fail_unless(result.returncode == 0, 'xgettext: ' + result.stderr)
            with open(pot, encoding='utf-8') as source:
                uncommented = placeholders_without_comment(source.read())
        fail_unless(not uncommented,
                    'messages with placeholders but no "/* Translators: … */" comment '
                    f'right before them ({len(uncommented)}):\n  '
                    + '\n  '.join(uncommented))
    print(f'{len(listed)} files listed, all {len(found)} with strings among them')


def placeholders_without_comment(pot):
    """The c-format messages of @pot with no "Translators:" comment, each as
    its locations and the start of its msgid."""
    missing = []
    for entry in re.split(r'\n\s*\n', pot):
        lines = entry.splitlines()
        flags = [flag.strip() for line in lines if line.startswith('#,')
                 for flag in line[2:].split(',')]
        if 'c-format' not in flags:
            continue
        if any(line.startswith('#. Translators:') for line in lines):
            continue
        places = ' '.join(line[2:].strip() for line in lines if line.startswith('#:'))
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', entry, re.M)
        text = ''.join(re.findall(r'"(.*)"', msgid.group(1))) if msgid else ''
        missing.append(f'{places}: "{text[:60]}"')
    return missing


def first_unfinished(po, count=5):
    """The first few messages of @po still to translate, for the failure."""
    msgattrib = shutil.which('msgattrib')
    if msgattrib is None:
        return ''
    messages = []
    for option in ('--untranslated', '--only-fuzzy'):
        output = run([msgattrib, option, '--no-obsolete', '--no-wrap', po]).stdout
        messages += re.findall(r'^msgid "(.+)"$', output, re.M)
    shown = '\n    '.join(messages[:count])
    return f'\n    {shown}' if shown else ''


def check_po(srcdir):
    msgfmt = need('msgfmt')
    xgettext = need('xgettext')
    msgmerge = need('msgmerge')
    podir = os.path.join(srcdir, 'po')
    languages = [word for line in read_list(os.path.join(podir, 'LINGUAS')) for word in line.split()]
    if not languages:
        print('po/LINGUAS lists no language: nothing to check')
        return

    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        # Complete means complete against today's sources, not the sources
        # the .po was last merged with: merged first, without guessing.
        pot = os.path.join(scratch, 'keyway.pot')
        result = run([xgettext, *XGETTEXT_GLIB_PRESET, '-D', srcdir,
                      '--files-from', os.path.join(podir, 'POTFILES.in'), '-o', pot])
        fail_unless(result.returncode == 0, 'xgettext: ' + result.stderr)

        for language in languages:
            po = os.path.join(podir, language + '.po')
            if not os.path.exists(po):
                problems.append(f'{language}: po/{language}.po is missing')
                continue
            result = run([msgfmt, '--check', '--statistics', '-o', os.devnull, po])
            if result.returncode != 0:
                problems.append(f'{language}: msgfmt --check:\n{result.stderr}')
                continue
            merged = os.path.join(scratch, language + '.po')
            result = run([msgmerge, '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot])
            fail_unless(result.returncode == 0, 'msgmerge: ' + result.stderr)
            result = run([msgfmt, '--check', '--statistics', '-o', os.devnull, merged])
            statistics = result.stderr.strip()
            if result.returncode != 0 or 'untranslated' in statistics or 'fuzzy' in statistics:
                problems.append(f'{language}: {statistics}{first_unfinished(merged)}')
            else:
                print(f'{language}: {statistics}')
    fail_unless(not problems, '\n'.join(problems))


def main(argv):
    checks = {
        'desktop': (check_desktop, 1),
        'appstream': (check_appstream, 1),
        'schema': (check_schema, 1),
        'mime': (check_mime, 1),
        'icons': (check_icons, 1),
        'manifest': (check_manifest, 1),
        'consistency': (check_consistency, 5),
        'screenshots': (check_screenshots, 2),
        'potfiles': (check_potfiles, 1),
        'po': (check_po, 1),
    }
    if len(argv) < 2 or argv[1] not in checks or len(argv) - 2 != checks[argv[1]][1]:
        print(__doc__ or 'usage: check-data.py CHECK ARGS…', file=sys.stderr)
        return 2
    try:
        checks[argv[1]][0](*argv[2:])
    except Failure as failure:
        print(f'FAIL: {failure}', file=sys.stderr)
        return 1
    except Skip as skip:
        if os.environ.get('CI') == 'true':
            print(f'FAIL (CI): {skip}', file=sys.stderr)
            return 1
        print(f'SKIP: {skip}')
        return SKIP
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
