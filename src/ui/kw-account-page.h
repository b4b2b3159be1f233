/* kw-account-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-wizard-page.h"

G_BEGIN_DECLS

#define KW_TYPE_ACCOUNT_PAGE (kw_account_page_get_type ())

G_DECLARE_FINAL_TYPE (KwAccountPage, kw_account_page, KW, ACCOUNT_PAGE, KwWizardPage)

/* Step 1: which connection, and whose account. Applying it asks the flow to
 * send a code. Properties: connections (a GListModel of KwConnection; the
 * chooser shows when there is more than one), connection (the chosen one,
 * read-only), hint (nullable text under the form). */

GtkWidget    *kw_account_page_new               (void);
GListModel   *kw_account_page_get_connections   (KwAccountPage *self);
void          kw_account_page_set_connections   (KwAccountPage *self,
                                                 GListModel    *connections);
KwConnection *kw_account_page_get_connection    (KwAccountPage *self);
gboolean      kw_account_page_select_connection (KwAccountPage *self,
                                                 KwConnection  *connection);
const char   *kw_account_page_get_hint          (KwAccountPage *self);
void          kw_account_page_set_hint          (KwAccountPage *self,
                                                 const char    *hint);

G_END_DECLS
