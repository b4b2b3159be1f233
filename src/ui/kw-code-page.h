/* kw-code-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-wizard-page.h"

G_BEGIN_DECLS

/* Cognito sends six digits. Two more are tolerated so that a change of
 * that length on the service's side does not lock anyone out; fewer than
 * six is always a typing slip, and refusing it here saves one of the few
 * attempts per hour the service allows. */
#define KW_CODE_MIN_DIGITS 6
#define KW_CODE_MAX_DIGITS 8

#define KW_TYPE_CODE_PAGE (kw_code_page_get_type ())

G_DECLARE_FINAL_TYPE (KwCodePage, kw_code_page, KW, CODE_PAGE, KwWizardPage)

/* Step 3: the code from the message. Applying it only checks its form:
 * the code goes to the service together with the new password. */

GtkWidget  *kw_code_page_new          (void);
/* The code as checked by the last successful apply, without spaces; %NULL
 * before that. */
const char *kw_code_page_get_code     (KwCodePage *self);
/* Shows why the service refused the code, until the person edits it. */
void        kw_code_page_show_problem (KwCodePage *self,
                                       const char *problem);

/* Removes white space; sets @problem when what is left is not a code. */
char       *kw_code_normalize         (const char  *text,
                                       gboolean     complete,
                                       char       **problem);

G_END_DECLS
