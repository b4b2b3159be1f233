/* kw-test-ui.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-application.h"

G_BEGIN_DECLS

/* What the UI tests share: one application per test program, waiting on the
 * main loop for what a person would see, and finding widgets the way a
 * person does (by what they show, in the order they appear). */

typedef gboolean (*KwTestCondition) (gpointer data);

/* Initialises the test framework, GTK and a non-unique, registered
 * application, after pointing GIO at the system's MIME database. */
KwApplication *kw_test_ui_init              (int              *argc,
                                             char           ***argv);
/* Iterates the main loop until @condition holds; fails the test after
 * five seconds, naming @what. */
void           kw_test_ui_wait_until        (KwTestCondition   condition,
                                             gpointer          data,
                                             const char       *what);
/* Iterates the main loop for @msec milliseconds. */
void           kw_test_ui_spin              (guint             msec);
/* The first visible toplevel of @type, or NULL. */
GtkWindow     *kw_test_ui_find_toplevel     (GType             type);
/* The @index-th descendant of @widget of @type, in document order. */
GtkWidget     *kw_test_ui_find_descendant   (GtkWidget        *widget,
                                             GType             type,
                                             guint             index);
/* The @index-th AdwEntryRow (or AdwPasswordEntryRow) under @widget. */
GtkEditable   *kw_test_ui_get_entry_row     (GtkWidget        *widget,
                                             guint             index);
/* Whether a label under @widget that the person can see holds @needle. */
gboolean       kw_test_ui_shows_text        (GtkWidget        *widget,
                                             const char       *needle);
/* The visible button under @widget whose label (mnemonic removed) is
 * @label, or NULL. */
GtkWidget     *kw_test_ui_find_button       (GtkWidget        *widget,
                                             const char       *label);
/* Types into an editable the person can reach. */
void           kw_test_ui_type_text         (GtkEditable      *editable,
                                             const char       *text);
/* Clicks a button the person can see and press. */
void           kw_test_ui_press             (GtkWidget        *button);

/* Whether real key presses can be sent: xdotool, through the X server's
 * XTEST extension, as a keyboard would. */
gboolean       kw_test_ui_can_press_keys    (void);
/* Presses and releases @keys (xdotool's names: "Escape", "Return",
 * "ctrl+v") on whichever window has the keyboard focus, after waiting for
 * @window to have it; then lets GTK handle the events. */
void           kw_test_ui_press_keys        (GtkWindow        *window,
                                             const char       *keys);
/* Types @text, key by key, the same way. */
void           kw_test_ui_type_keys         (GtkWindow        *window,
                                             const char       *text);

/* The width @window needs for its content: more than it has, and it
 * grows. */
int            kw_test_ui_get_min_width     (GtkWindow        *window);
/* Renders @window as it is on screen into a PNG at @path. */
void           kw_test_ui_save_png          (GtkWindow        *window,
                                             const char       *path);
/* Saves @window as NAME.png in $KW_TEST_SCREENSHOT_DIR, when set: for
 * looking at what a test drove the window to (KW_TEST_COLOR_SCHEME=dark
 * for the dark style). */
void           kw_test_ui_screenshot        (GtkWindow        *window,
                                             const char       *name);

/* A timer on the main loop that records the longest time between two of
 * its ticks: how long the loop was kept from anything else. */
typedef struct _KwTestProbe KwTestProbe;

KwTestProbe   *kw_test_probe_start          (guint             interval_ms);
/* Stops the probe; returns the longest gap, in microseconds. */
gint64         kw_test_probe_stop           (KwTestProbe      *probe);

G_END_DECLS
