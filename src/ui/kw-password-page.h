/* kw-password-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-wizard-page.h"

G_BEGIN_DECLS

#define KW_TYPE_PASSWORD_PAGE (kw_password_page_get_type ())

G_DECLARE_FINAL_TYPE (KwPasswordPage, kw_password_page, KW, PASSWORD_PAGE, KwWizardPage)

/* Step 4: the new password, twice, against the connection's policy. Applying
 * it sends the code and the password together (ConfirmForgotPassword). */

GtkWidget *kw_password_page_new      (void);
/* The code checked by step 3; copied, and wiped when replaced. */
void       kw_password_page_set_code (KwPasswordPage *self,
                                      const char     *code);

G_END_DECLS
