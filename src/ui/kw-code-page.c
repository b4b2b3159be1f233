/* kw-code-page.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-code-page.h"

#include "kw-delivery-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

struct _KwCodePage
{
  KwWizardPage  parent_instance;

  /* Template widgets */
  GtkImage     *medium_image;
  GtkLabel     *body_label;
  AdwEntryRow  *code_row;
  GtkLabel     *error_label;

  /* Owned references */
  GSignalGroup *flow_signals;
  char         *code;
};

G_DEFINE_FINAL_TYPE (KwCodePage, kw_code_page, KW_TYPE_WIZARD_PAGE)

/**
 * kw_code_normalize:
 * @text: what the person typed or pasted
 * @complete: whether the person says they are done (a short code is only
 *   a problem then; while typing, every code is short for a moment)
 * @problem: (out) (optional): a translated sentence when the code cannot be sent
 *
 * Returns: (transfer full) (nullable): the code without white space, or
 *   %NULL when it has a problem
 */
char *
kw_code_normalize (const char  *text,
                   gboolean     complete,
                   char       **problem)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *found = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;

      if (c < '0' || c > '9')
        {
          found = g_strdup (_("A code has only digits, 0 to 9."));
          break;
        }

      g_string_append_c (digits, (char) c);
    }

  if (found == NULL && digits->len > KW_CODE_MAX_DIGITS)
    {
      /* Translators: the placeholder is a number of digits, 8. */
      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This code is too long: a code "
                                            "has at most %d digit.",
                                            "This code is too long: a code has at most %d digits.",
                                            KW_CODE_MAX_DIGITS),
                               KW_CODE_MAX_DIGITS);
    }

  if (found == NULL && complete && digits->len < KW_CODE_MIN_DIGITS)
    {
      /* Translators: the placeholder is a number of digits, 6. */
      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This code is too short: a code "
                                            "has %d digit.",
                                            "This code is too short: a code has %d digits.",
                                            KW_CODE_MIN_DIGITS),
                               KW_CODE_MIN_DIGITS);
    }

  if (found != NULL)
    {
      explicit_bzero (digits->str, digits->len);
      if (problem != NULL)
        *problem = g_steal_pointer (&found);
      return NULL;
    }

  return g_string_free (g_steal_pointer (&digits), FALSE);
}

static void
kw_code_page_set_code (KwCodePage *self,
                       char       *code)
{
  g_clear_pointer (&self->code, kw_secret_free);
  self->code = code;
}

static void
kw_code_page_update_text (KwCodePage *self)
{
  KwRecoveryFlow *flow = kw_wizard_page_get_flow (KW_WIZARD_PAGE (self));
  const KwCodeDeliveryDetails *delivery = NULL;
  g_autofree char *where = NULL;
  g_autofree char *body = NULL;

  if (flow != NULL)
    delivery = kw_recovery_flow_get_delivery (flow);

  if (delivery == NULL)
    {
      gtk_label_set_text (self->body_label, _("Enter the code from the message you received."));
      return;
    }

  gtk_image_set_from_icon_name (self->medium_image,
                                delivery->medium == KW_DELIVERY_MEDIUM_SMS ? "phone-symbolic"
                                                                           : "mail-read-symbolic");

  where = kw_delivery_describe_destination (delivery);
  /* Translators: the placeholder names the destination, such as
   * "the email address j***@e***" or "the phone number +*******0123". */
  body = g_strdup_printf (_("Enter the code from the message sent to %s."), where);
  gtk_label_set_markup (self->body_label, body);
}

/* Pasted codes often carry spaces ("123 456", or a trailing newline);
 * they are dropped on the way in so the field shows what will be sent. */
static void
code_insert_text_cb (GtkEditable *editable,
                     const char  *text,
                     int          length,
                     int         *position,
                     KwCodePage  *self)
{
  g_autoptr(GString) kept = g_string_new (NULL);
  const char *end;

  g_assert (KW_IS_CODE_PAGE (self));

  if (length < 0)
    length = (int) strlen (text);
  end = text + length;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (kept, c);
    }

  if (kept->len == (gsize) length)
    return;

  g_signal_handlers_block_by_func (editable, code_insert_text_cb, self);
  gtk_editable_insert_text (editable, kept->str, (int) kept->len, position);
  g_signal_handlers_unblock_by_func (editable, code_insert_text_cb, self);
  g_signal_stop_emission_by_name (editable, "insert-text");
}

static void
code_row_changed_cb (KwCodePage  *self,
                     GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);
  g_autofree char *problem = NULL;
  g_autofree char *code = NULL;

  g_assert (KW_IS_CODE_PAGE (self));

  kw_code_page_set_code (self, NULL);

  /* Letters or too many digits are wrong whatever comes next, so they
   * show at once; too few only when Next is pressed. */
  code = kw_code_normalize (text, FALSE, &problem);
  kw_wizard_page_set_field_error (GTK_WIDGET (self->code_row), self->error_label, problem);
  kw_wizard_page_set_complete (KW_WIZARD_PAGE (self), text[0] != '\0');

  if (code != NULL)
    explicit_bzero (code, strlen (code));
}

static void
kw_code_page_apply_async (KwWizardPage        *page,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  KwCodePage *self = KW_CODE_PAGE (page);
  g_autoptr(GTask) task = NULL;
  g_autofree char *problem = NULL;
  char *code;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_code_page_apply_async);

  code = kw_code_normalize (gtk_editable_get_text (GTK_EDITABLE (self->code_row)), TRUE, &problem);
  if (code == NULL)
    {
      kw_wizard_page_set_field_error (GTK_WIDGET (self->code_row), self->error_label, problem);
      g_task_return_new_error (task, KW_WIZARD_PAGE_ERROR, KW_WIZARD_PAGE_ERROR_INVALID_INPUT,
                               "The code is malformed");
      return;
    }

  kw_code_page_set_code (self, code);
  g_task_return_boolean (task, TRUE);
}

static gboolean
kw_code_page_apply_finish (KwWizardPage  *page,
                           GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static GtkWidget *
kw_code_page_get_initial_focus (KwWizardPage *page)
{
  return GTK_WIDGET (KW_CODE_PAGE (page)->code_row);
}

static void
kw_code_page_shown (KwWizardPage *page)
{
  KwCodePage *self = KW_CODE_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
  gtk_editable_select_region (GTK_EDITABLE (self->code_row), 0, -1);
}

static void
kw_code_page_reset (KwWizardPage *page)
{
  KwCodePage *self = KW_CODE_PAGE (page);

  gtk_editable_set_text (GTK_EDITABLE (self->code_row), "");
  kw_code_page_set_code (self, NULL);
  kw_wizard_page_set_field_error (GTK_WIDGET (self->code_row), self->error_label, NULL);
}

static void
kw_code_page_dispose (GObject *object)
{
  KwCodePage *self = KW_CODE_PAGE (object);

  if (self->flow_signals != NULL)
    g_signal_group_set_target (self->flow_signals, NULL);
  g_clear_object (&self->flow_signals);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_CODE_PAGE);

  G_OBJECT_CLASS (kw_code_page_parent_class)->dispose (object);
}

static void
kw_code_page_finalize (GObject *object)
{
  KwCodePage *self = KW_CODE_PAGE (object);

  kw_code_page_set_code (self, NULL);

  G_OBJECT_CLASS (kw_code_page_parent_class)->finalize (object);
}

static void
kw_code_page_class_init (KwCodePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  KwWizardPageClass *page_class = KW_WIZARD_PAGE_CLASS (klass);

  object_class->dispose = kw_code_page_dispose;
  object_class->finalize = kw_code_page_finalize;

  page_class->apply_async = kw_code_page_apply_async;
  page_class->apply_finish = kw_code_page_apply_finish;
  page_class->get_initial_focus = kw_code_page_get_initial_focus;
  page_class->shown = kw_code_page_shown;
  page_class->reset = kw_code_page_reset;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/kw-code-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KwCodePage, medium_image);
  gtk_widget_class_bind_template_child (widget_class, KwCodePage, body_label);
  gtk_widget_class_bind_template_child (widget_class, KwCodePage, code_row);
  gtk_widget_class_bind_template_child (widget_class, KwCodePage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, code_row_changed_cb);
}

static void
kw_code_page_init (KwCodePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (gtk_editable_get_delegate (GTK_EDITABLE (self->code_row)), "insert-text",
                    G_CALLBACK (code_insert_text_cb), self);

  self->flow_signals = g_signal_group_new (KW_TYPE_RECOVERY_FLOW);
  g_signal_group_connect_object (self->flow_signals, "notify::delivery",
                                 G_CALLBACK (kw_code_page_update_text), self,
                                 G_CONNECT_SWAPPED);
  g_object_bind_property (self, "flow", self->flow_signals, "target", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::flow", G_CALLBACK (kw_code_page_update_text), NULL);
  kw_code_page_update_text (self);
}

GtkWidget *
kw_code_page_new (void)
{
  return g_object_new (KW_TYPE_CODE_PAGE, NULL);
}

const char *
kw_code_page_get_code (KwCodePage *self)
{
  g_return_val_if_fail (KW_IS_CODE_PAGE (self), NULL);

  return self->code;
}

void
kw_code_page_show_problem (KwCodePage *self,
                           const char *problem)
{
  g_return_if_fail (KW_IS_CODE_PAGE (self));

  kw_wizard_page_set_field_error (GTK_WIDGET (self->code_row), self->error_label, problem);
}
