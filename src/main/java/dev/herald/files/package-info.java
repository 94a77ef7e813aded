/** Files kept by key in an object store: the filesystem or S3. */
package dev.herald.files;
