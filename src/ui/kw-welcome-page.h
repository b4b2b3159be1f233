/* kw-welcome-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KW_TYPE_WELCOME_PAGE (kw_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (KwWelcomePage, kw_welcome_page, KW, WELCOME_PAGE, AdwBin)

/* What a first run shows when no connection is known: open a connection
 * file (win.open), add one by hand (app.add-connection) or try the demo
 * (app.demo). */

GtkWidget *kw_welcome_page_new (void);

G_END_DECLS
