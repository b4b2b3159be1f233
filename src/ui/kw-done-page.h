/* kw-done-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-wizard-page.h"

G_BEGIN_DECLS

#define KW_TYPE_DONE_PAGE (kw_done_page_get_type ())

G_DECLARE_FINAL_TYPE (KwDonePage, kw_done_page, KW, DONE_PAGE, KwWizardPage)

/* Step 5: the password is changed. There is no way back from here, only
 * closing the window or starting over (win.restart). */

GtkWidget *kw_done_page_new (void);

G_END_DECLS
