/**
 * An S3-compatible object store (Amazon S3, MinIO, Ceph RGW, any store that speaks the S3 API) reached over plain
 * HTTP with AWS Signature Version 4 ({@link io.genesis.objectstore.SigV4}, {@link io.genesis.objectstore.S3Bucket}:
 * put and get objects of one bucket). Must not know any component of ours, nor show or log a secret key.
 */
package io.genesis.objectstore;
