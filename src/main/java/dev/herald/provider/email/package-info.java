/** Email providers: SMTP (Angus Mail) and Amazon SES with its SNS delivery events. */
package dev.herald.provider.email;
