/* kw-delivery-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-wizard-page.h"

G_BEGIN_DECLS

#define KW_TYPE_DELIVERY_PAGE (kw_delivery_page_get_type ())

G_DECLARE_FINAL_TYPE (KwDeliveryPage, kw_delivery_page, KW, DELIVERY_PAGE, KwWizardPage)

/* Step 2: where the code went, exactly as the service masked it, and a way
 * to have it sent again once the flow's cooldown is over. Its buttons
 * activate the host's win.resend-code and win.change-account. */

GtkWidget  *kw_delivery_page_new         (void);
/* Where the code went, in one sentence without markup: what a screen reader
 * says with the focused button once the page is shown. */
const char *kw_delivery_page_get_summary (KwDeliveryPage *self);

/* "the email address j***@e***": how the page names a destination in
 * running text; also used by the host's messages. */
char       *kw_delivery_describe_destination (const KwCodeDeliveryDetails *delivery);

G_END_DECLS
