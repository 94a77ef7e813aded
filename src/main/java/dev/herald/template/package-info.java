/** Templates, their versions and rendering: placeholders, markdown and SMS fragments. */
package dev.herald.template;
